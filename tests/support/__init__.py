"""Shared test code that is not a test: the fixture plugin and the helpers tests import.

* :mod:`tests.support.fixtures` - the pytest plugin (registered once in ``tests/conftest.py``):
  networks, the ``make_runner`` factory, the Qt window factory, the console factory.
* :mod:`tests.support.paths` - where the repository, its examples and the seed scripts are.
* :mod:`tests.support.behaviors` - small behaviors (``Counter``, ``Basic_Behavior``, ``Tiny``, ...).
* :mod:`tests.support.runners`, :mod:`tests.support.parameters`, :mod:`tests.support.console` -
  helpers of the runner, parameter-panel and console tests.

Nothing here imports Qt at module level: the engine tests load these modules too.
"""
