"""Reading articles: files, folders, feeds, URLs and stdin, decoded and checked."""
