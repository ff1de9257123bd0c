# Resurrect an object many times: its __del__ runs only on the first death.
calls = []


class Stubborn:
    def __del__(self):
        global keeper
        calls.append(1)
        keeper = self


keeper = Stubborn()
for round_number in range(3):
    keeper = None
    print("round", round_number, "calls", len(calls), "alive", keeper is not None)
