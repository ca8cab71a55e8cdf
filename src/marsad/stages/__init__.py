"""The analysis stages, each adding annotations to a Document (see docs/stages.md)."""
