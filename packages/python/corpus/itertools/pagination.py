# paging through records with batched, and running balances with accumulate
from itertools import batched, accumulate, islice, count
records = [f'row{i}' for i in range(1, 12)]
for page_number, page in zip(count(1), batched(records, 4)):
    print('page', page_number, list(page))
transactions = [100, -30, -20, 50, -75, 10]
balances = list(accumulate(transactions, initial=0))
print(balances, min(balances), max(balances))
def first_n_primes(n):
    found = []
    for candidate in count(2):
        if all(candidate % p for p in found):
            found.append(candidate)
            yield candidate
print(list(islice(first_n_primes(100), 10)))
