"""The benchmark workloads: which script, with which arguments and iteration counts, and the
issue-8 targets the driver reports against (scripts live in workloads/)."""


class Workload:
    def __init__(
        self,
        name,
        script,
        args,
        iters,
        quick_iters,
        desc,
        target=None,
        target_bound=None,
        ours_args=(),
        bare=None,
    ):
        self.name = name
        self.bare = bare  # the same numpy calls in a plain loop (no simulator): the floor
        self.ours_args = list(ours_args)  # extra arguments for our side only (a changed script)
        self.script = script
        self.args = list(args)
        self.iters = iters
        self.quick_iters = quick_iters
        self.desc = desc
        self.target = target  # issue 8: required ours/ref ratio
        self.target_bound = target_bound  # issue 8: required fraction of the bandwidth bound


# iteration counts: ~1-2 s of simulation per run for the reference on a slow 2-core box
WORKLOADS = [
    Workload(
        "seed_100_rec",
        "seed_network.py",
        ["--size", "100", "--record", "1"],
        20000,
        2000,
        "seed network, 100 neurons, Recorder + EventRecorder",
        target=2.0,
        bare="bare_seed.py",
    ),
    Workload(
        "seed_100",
        "seed_network.py",
        ["--size", "100", "--record", "0"],
        20000,
        2000,
        "seed network, 100 neurons, no recorders",
        bare="bare_seed.py",
    ),
    Workload(
        "seed_1000_rec",
        "seed_network.py",
        ["--size", "1000", "--record", "1"],
        8000,
        1000,
        "seed network, 1000 neurons, Recorder + EventRecorder",
        target=1.2,
        bare="bare_seed.py",
    ),
    Workload(
        "seed_1000",
        "seed_network.py",
        ["--size", "1000", "--record", "0"],
        8000,
        1000,
        "seed network, 1000 neurons, no recorders",
        target=1.2,
        bare="bare_seed.py",
    ),
    Workload(
        "seed_5000_rec",
        "seed_network.py",
        ["--size", "5000", "--record", "1"],
        400,
        60,
        "seed network, 5000 neurons, Recorder + EventRecorder",
        target_bound=0.95,
        bare="bare_seed.py",
    ),
    Workload(
        "seed_5000",
        "seed_network.py",
        ["--size", "5000", "--record", "0"],
        400,
        60,
        "seed network, 5000 neurons, no recorders",
        target_bound=0.95,
        bare="bare_seed.py",
    ),
    Workload(
        "seed_5000_event",
        "seed_network.py",
        ["--size", "5000", "--record", "0"],
        400,
        60,
        "seed network, 5000 neurons; ours runs the event-driven idiom "
        "np.sum(W[:, spike], axis=1) instead of W.dot(spike) (results differ in float32 rounding)",
        target=10.0,
        ours_args=["--propagation", "gather"],
    ),
    Workload(
        "izh_1000_rec",
        "izhikevich_ei.py",
        ["--n_exc", "800", "--n_inh", "200", "--record", "1"],
        5000,
        800,
        "Izhikevich 2003 E/I 800+200, Recorder([v,u,fired])",
        target=1.5,
        bare="bare_izhikevich.py",
    ),
    Workload(
        "izh_5000_rec",
        "izhikevich_ei.py",
        ["--n_exc", "4000", "--n_inh", "1000", "--w_scale", "0.2", "--record", "1"],
        1000,
        150,
        "Izhikevich 2003 E/I 4000+1000, W x0.2, Recorder([v,u,fired])",
        target=4.0,
        bare="bare_izhikevich.py",
    ),
    Workload(
        "lif_1000_rec",
        "lif_ei.py",
        ["--n_exc", "800", "--n_inh", "200", "--record", "1"],
        5000,
        800,
        "LIF E/I 800+200, Recorder([v,fired])",
    ),
    Workload(
        "lif_5000_rec",
        "lif_ei.py",
        ["--n_exc", "4000", "--n_inh", "1000", "--record", "1"],
        2000,
        300,
        "LIF E/I 4000+1000, Recorder([v,fired])",
        target=3.5,
    ),
]
