# capitalize uses title case for the first letter: ß becomes Ss, digraphs their title form
import string
print(string.capwords("ßtraße ǆemal élan ölçü"))
print(string.capwords("ÉCOLE garçon ΑΘΗΝΑ"))
print(string.capwords("nbsp\xa0separated\u3000words"))
