"""Pipeline stages, one module each: clean, normalize, segment (more arrive with later issues)."""
