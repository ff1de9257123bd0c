# uniform, triangular, gauss and the other distributions
import random
random.seed(17)
print([random.uniform(1, 10) for i in range(5)])
print([random.uniform(-1.5, 1.5) for i in range(3)])
print([random.triangular(0, 100, 20) for i in range(3)], random.triangular(), random.triangular(5, 5, 5))
print(random.gauss(), random.gauss(10, 2), random.gauss(mu=0, sigma=3))
print(random.normalvariate(), random.expovariate(2), random.paretovariate(2.5))
print(random.betavariate(2, 3), random.gammavariate(2, 1), random.weibullvariate(1, 2))
print(random.vonmisesvariate(0, 1), random.lognormvariate(0, 1))
