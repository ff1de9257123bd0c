# A list that contains itself, and two lists that contain each other.
import gc

gc.disable()
alone = []
alone.append(alone)
print(len(alone), alone[0] is alone)
del alone
print("self list:", gc.collect())
left = [1, 2]
right = [3]
left.append(right)
right.append(left)
del left
del right
print("pair of lists:", gc.collect())
