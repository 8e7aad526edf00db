"""The pure domain core: values and rules, no I/O, no clock, standard library only."""
