# N-body: the five outer planets integrated with a fixed time step (pyperformance's nbody shape):
# float arithmetic on lists of floats, tuple unpacking, and a precomputed list of body pairs.
PI = 3.14159265358979323
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


def make_body(position, velocity, mass):
    return (list(position), [v * DAYS_PER_YEAR for v in velocity], mass * SOLAR_MASS)


BODIES = [
    make_body((0.0, 0.0, 0.0), (0.0, 0.0, 0.0), 1.0),
    make_body(
        (4.84143144246472090e00, -1.16032004402742839e00, -1.03622044471123109e-01),
        (1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05),
        9.54791938424326609e-04,
    ),
    make_body(
        (8.34336671824457987e00, 4.12479856412430479e00, -4.03523417114321381e-01),
        (-2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05),
        2.85885980666130812e-04,
    ),
    make_body(
        (1.28943695621391310e01, -1.51111514016986312e01, -2.23307578892655734e-01),
        (2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05),
        4.36624404335156298e-05,
    ),
    make_body(
        (1.53796971148509165e01, -2.59193146099879641e01, 1.79258772950371181e-01),
        (2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05),
        5.15138902046611451e-05,
    ),
]


def body_pairs(bodies):
    pairs = []
    for i in range(len(bodies)):
        for j in range(i + 1, len(bodies)):
            pairs.append((bodies[i], bodies[j]))
    return pairs


PAIRS = body_pairs(BODIES)


def advance(dt, steps):
    for _ in range(steps):
        for (p1, v1, m1), (p2, v2, m2) in PAIRS:
            dx = p1[0] - p2[0]
            dy = p1[1] - p2[1]
            dz = p1[2] - p2[2]
            distance_squared = dx * dx + dy * dy + dz * dz
            magnitude = dt * distance_squared ** -1.5
            b1 = m1 * magnitude
            b2 = m2 * magnitude
            v1[0] -= dx * b2
            v1[1] -= dy * b2
            v1[2] -= dz * b2
            v2[0] += dx * b1
            v2[1] += dy * b1
            v2[2] += dz * b1
        for position, velocity, _mass in BODIES:
            position[0] += dt * velocity[0]
            position[1] += dt * velocity[1]
            position[2] += dt * velocity[2]


def energy():
    total = 0.0
    for (p1, v1, m1), (p2, v2, m2) in PAIRS:
        dx = p1[0] - p2[0]
        dy = p1[1] - p2[1]
        dz = p1[2] - p2[2]
        total -= m1 * m2 / (dx * dx + dy * dy + dz * dz) ** 0.5
    for _position, (vx, vy, vz), mass in BODIES:
        total += mass * (vx * vx + vy * vy + vz * vz) / 2.0
    return total


def offset_momentum():
    px = py = pz = 0.0
    for _position, (vx, vy, vz), mass in BODIES:
        px -= vx * mass
        py -= vy * mass
        pz -= vz * mass
    sun_velocity = BODIES[0][1]
    sun_velocity[0] = px / SOLAR_MASS
    sun_velocity[1] = py / SOLAR_MASS
    sun_velocity[2] = pz / SOLAR_MASS


offset_momentum()
print("%.9f" % energy())
advance(0.01, 20000)
print("%.9f" % energy())
