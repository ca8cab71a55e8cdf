"""The core: the Document model, the pipeline and its registry, settings, errors and the contract."""
