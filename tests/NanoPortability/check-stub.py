#!/usr/bin/env python3
# The stub in TestFrameworkStub/TestFramework.cs was written from the AreEqual/AreNotEqual overload list of
# ../shared/nano-api/nanoFramework.TestFramework.txt (15 types, each with a trailing optional message).
# This script checks that the stub still declares exactly those overloads, so a drift fails CI.
import re, sys, pathlib
here = pathlib.Path(__file__).parent
api = (here / "../../../shared/nano-api/nanoFramework.TestFramework.txt").resolve().read_text()
listed = set(re.findall(r"^M:nanoFramework\.TestFramework\.Assert\.AreEqual\((System\.\w+),", api, re.M))
stub = (here / "TestFrameworkStub/TestFramework.cs").read_text()
declared = len(re.findall(r"public static void AreEqual\((?!ICollection)", stub))
if declared != len(listed):
    print(f"stub declares {declared} AreEqual overloads, nano has {len(listed)}")
    sys.exit(1)
print(f"TestFramework stub matches nano's {len(listed)} AreEqual overloads")
