"""The ingest pipeline: read → clean → split → analyze; pure functions returning models."""
