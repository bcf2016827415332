"""Actors: who the article names, their codes, and what it named before."""
