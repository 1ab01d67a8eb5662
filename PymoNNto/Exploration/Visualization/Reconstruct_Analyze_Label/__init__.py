"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Visualization.Reconstruct_Analyze_Label`` package: re-exports
only.
"""
