print("blumeops")
