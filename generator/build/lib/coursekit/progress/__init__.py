"""Reader progress: validate the progress rules in course.yml and build the per-language course manifest."""
