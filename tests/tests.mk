# tests.mk: what `make test` needs built besides the ISO. The runner itself
# is tests/run.sh; host unit tests of each part are added to HOST_TESTS by
# that part's fragment.
