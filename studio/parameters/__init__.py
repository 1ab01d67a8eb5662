"""The Parameters dock: one section per behavior, a typed field per parameter; edits go to the
runner as commands and are undoable. Field kinds are registered by name (:mod:`.field_kinds`)."""
