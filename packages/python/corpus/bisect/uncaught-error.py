# an uncaught TypeError from comparing incomparable items ends the program
import bisect
data = [1, 2, 3]
print(bisect.bisect(data, 2))
print(bisect.bisect(data, "two"))
