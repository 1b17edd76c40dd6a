print("aftermath")
