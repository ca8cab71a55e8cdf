"""Many documents at once: worker processes (and, later, Spark)."""
