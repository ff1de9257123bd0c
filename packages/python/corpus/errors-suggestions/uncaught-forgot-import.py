# A standard-library module used without importing it: "Did you forget to import 'math'?".
radius = 2.0
print("radius", radius)
area = math.pi * radius ** 2
print(area)
