2001:db8:9::/64 dev eth1 metric 1024 error 50000 users 2 used 4 age 3sec pref high
2001:db8:8::/64 dev eth2 metric 1024 expires -1sec 2
