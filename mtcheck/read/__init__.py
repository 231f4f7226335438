"""Reading inputs: files, stdin, HTML and Markdown into text with stable offsets, sentences, languages."""
