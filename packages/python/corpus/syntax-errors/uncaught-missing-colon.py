# A missing colon after `for` in the script itself: "expected ':'".
total = 0
for n in range(10)
    total += n
print(total)
