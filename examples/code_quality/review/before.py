# Code under review: builds the CSV of newsletter recipients for the weekly export.
# It works on the happy path, and each of its habits turns up in real pull requests.


def proc(data, flag):
    res = "email,name,orders\n"
    l = []
    for i in range(len(data)):
        d = data[i]
        if d["active"] == True:
            if d["orders"] > 0 or flag == True:
                try:
                    d["email"] = d["email"].strip().lower()
                except:
                    continue
                found = False
                for x in l:
                    if x["email"] == d["email"]:
                        found = True
                if found == False:
                    l.append(d)
    # sort: most orders first, then by email
    for i in range(len(l)):
        for j in range(len(l) - 1 - i):
            if l[j]["orders"] < l[j + 1]["orders"] or (
                l[j]["orders"] == l[j + 1]["orders"] and l[j]["email"] > l[j + 1]["email"]
            ):
                l[j], l[j + 1] = l[j + 1], l[j]
    for d in l:
        res = res + d["email"] + "," + d["name"].strip().title() + "," + str(d["orders"]) + "\n"
    return res
