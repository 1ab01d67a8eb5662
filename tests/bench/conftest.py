# The benchmark is a separate command (python -m tests.bench.driver), never part of
# the test suite: keep pytest from collecting or importing anything here.
collect_ignore_glob = ["*.py", "workloads"]
