print("visitplan")
