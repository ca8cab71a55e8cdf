"""Training code and corpus readers: never imported by src/marsad (run from scripts/ and tests)."""
