def test_probe():
    pass
