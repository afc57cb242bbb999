UPDATE admin_users SET session_stamp = $session_stamp WHERE username = $username;
