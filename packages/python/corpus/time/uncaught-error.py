# an uncaught ValueError from a negative sleep
import time
time.sleep(0)
print("slept")
time.sleep(-0.5)
