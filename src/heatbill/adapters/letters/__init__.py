"""Letters out: templates rendered to text and PDF, and the channels that carry them."""
