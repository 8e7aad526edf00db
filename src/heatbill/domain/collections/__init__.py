"""Collections (inddrivelse), pure: the claim and its history, the rulebook's timeline
(`next_step`), the law guard, late interest. No I/O: the services apply what these decide."""
