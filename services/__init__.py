"""newsevents services: pure core logic, shared plumbing, and the Faust apps that run them."""
