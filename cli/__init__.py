"""The ofsted-graph command line."""
