"""Opening scripts: the example index and browser, recent files, drag-and-drop, the choice card
shown when a script builds several networks."""
