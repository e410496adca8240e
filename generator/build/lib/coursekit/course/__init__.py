"""The course as data: languages, series, tags and progress rules, read and checked once per build.

Nothing here imports MkDocs. `load_course` turns `course.yml` plus the `mkdocs.yml` settings into one typed,
immutable `CourseConfig`; every author mistake becomes one line naming the file, the field and the fix. Tools that
run outside a build read mkdocs.yml's language list with `mkdocs_file.file_languages`, checked the same way.
"""
