module example.com/pypitoken

go 1.22
