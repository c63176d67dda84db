print("scale-ladder")
