# Fannkuch-redux: for every permutation of 0..n-1, count the prefix reversals until 0 comes first
# (pyperformance's fannkuch shape): list slicing, slice assignment, reversal and index rotation.
def fannkuch(n):
    count = list(range(1, n + 1))
    max_flips = 0
    checksum = 0
    permutation_index = 0
    current = list(range(n))
    while True:
        first = current[0]
        if first:
            perm = current[:]
            flips = 0
            while first:
                perm[: first + 1] = perm[first::-1]
                flips += 1
                first = perm[0]
            if flips > max_flips:
                max_flips = flips
            checksum += flips if permutation_index % 2 == 0 else -flips
        permutation_index += 1
        # Next permutation in counting order: rotate the first r + 1 items.
        r = 1
        while True:
            if r == n:
                return checksum, max_flips
            head = current[0]
            current[:r] = current[1 : r + 1]
            current[r] = head
            count[r] -= 1
            if count[r] > 0:
                break
            count[r] = r + 1
            r += 1


checksum, flips = fannkuch(8)
print(checksum)
print("Pfannkuchen(8) =", flips)
