"""heatbill: the back office of a Danish district heating utility."""
