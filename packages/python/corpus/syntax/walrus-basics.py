# The walrus operator binds a name and yields the value.
data = [3, 1, 4, 1, 5]
if (n := len(data)) > 3:
    print("long list", n)
while (item := data.pop()) != 4:
    print("popped", item)
print(data, item)
print([y := 10, y + 1])
values = [total := 0]
for v in range(4):
    total += v
print(total, values)
print(f"{(z := 7)} {z * 2}")
