"""The pure core: the one clock, the errors a user can meet, Swedish working days and
appeal periods, decision references, words in Swedish and English, YAML with line
numbers. Imports nothing else of rsp."""
