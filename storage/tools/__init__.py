"""What runs storage as a whole: the command line, demo data, the packaged build's self-test, revalidation.

The top layer: may import every other storage layer; nothing in storage imports it.
"""
