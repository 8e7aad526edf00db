"""The register (kunde- og anlægsregister): properties, installations, meters, parties,
customer relationships over time, and meter readings. Pure values and rules."""
