"""One Arabic text toolkit every stage uses: folding and clitic keys, the word view, number words, data files."""
