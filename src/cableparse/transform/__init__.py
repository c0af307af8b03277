"""One module per grammar: what turns the tokens its parses keep into model objects."""
