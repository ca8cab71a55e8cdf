"""The ways in: command line, REST API and web UI. Shells call the library, never each other."""
