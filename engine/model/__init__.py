"""What a script builds: the network and its one global schedule, neuron and synapse groups,
behaviors, tagging and attribute shortcuts, the value-string grammar, structure helpers and the
process-wide genome that behavior parameters read."""
