"""The argmap desktop app (PySide6).  Reads the model, changes it only
through undoable commands on a QUndoStack."""
